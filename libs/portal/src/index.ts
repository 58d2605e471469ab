export * from './i18n/messages';
export * from './portal-assets';
export * from './portal.module';
