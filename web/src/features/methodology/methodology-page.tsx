import { useTranslation } from 'react-i18next';

export default function MethodologyPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('nav.methodology')}</h1>
    </div>
  );
}
