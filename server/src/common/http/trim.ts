import { Transform } from 'class-transformer';

const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** Trims a text field (each element of a list of texts) before validation, so "   " fails `IsNotEmpty`. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(trim) : trim(value)));
