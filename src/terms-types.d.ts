/** The Open Terms Archive vocabulary of document types ships without type declarations. */
declare module '@opentermsarchive/terms-types' {
  const termsTypes: Record<string, { topic: string; obligee?: string }>;
  export default termsTypes;
}
