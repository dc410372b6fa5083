/**
 * A date of the report form (YYYY-MM-DD, '' for none). At a desk antd's DatePicker; on a phone
 * the browser's own date field, which opens the phone's date wheel or calendar — no keyboard, a
 * finger-sized target, and no popup to place on a small screen.
 */
import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { usePhone } from '../../../hooks/usePhone';

export function dateValue(iso: string) {
  return iso ? dayjs(iso) : null;
}

export interface DateFieldProps {
  value: string;
  onChange: (iso: string) => void;
  disabled: boolean;
  label: string;
  placeholder?: string;
  testId?: string;
  /** From errorProps(): marks the field a server message is about. */
  status?: 'error';
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function DateField({ value, onChange, label, testId, ...rest }: DateFieldProps) {
  const phone = usePhone();
  if (phone) {
    const { placeholder, ...native } = rest;
    return (
      <Input
        type="date"
        className="date-field"
        value={value}
        aria-label={label}
        title={placeholder}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
        {...native}
      />
    );
  }
  return (
    <DatePicker
      value={dateValue(value)}
      aria-label={label}
      data-testid={testId}
      onChange={(v) => onChange(v ? v.format('YYYY-MM-DD') : '')}
      {...rest}
    />
  );
}
