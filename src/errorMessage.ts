/** What an error says (pure): its message, or, for anything thrown that is no Error, its text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
