/** A server validation message under the field it names (`milestones.0.reason`). */
export function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <div id={errorId(field)} className="field-error" role="alert" data-field={field}>
      {message}
    </div>
  );
}

export function errorId(field: string): string {
  return `err-${field.replaceAll('.', '-')}`;
}

/** Props that mark an input as the one a message is about. */
export function errorProps(field: string, errors: Record<string, string>) {
  return errors[field]
    ? { status: 'error' as const, 'aria-invalid': true, 'aria-describedby': errorId(field) }
    : {};
}
