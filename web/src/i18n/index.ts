import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';
import en from './en.json';
import { parseUrlState } from '../router/url-state';

/** i18next resources: Vietnamese first, English second. Both files must hold the same keys. */
export const resources = { vi: { translation: vi }, en: { translation: en } } as const;

const initial = typeof window === 'undefined' ? 'vi' : parseUrlState(window.location.search).lang;

void i18next.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  // A missing key shows the key itself; the completeness test keeps that from reaching users.
  saveMissing: false,
  showSupportNotice: false,
});

export default i18next;
