/** Lower-cases and strips Vietnamese diacritics (đ → d) so "cong nghe" finds "Công nghệ". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
