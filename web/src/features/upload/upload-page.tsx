import { useTranslation } from 'react-i18next';

export default function UploadPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('nav.upload')}</h1>
    </div>
  );
}
