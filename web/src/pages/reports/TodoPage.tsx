/** Placeholder: filled in by issue 7's work on this page. */
export default function TodoPage() {
  return null;
}
