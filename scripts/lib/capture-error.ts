/** What went wrong while capturing one document; the message says what, the caller says which document. */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}
