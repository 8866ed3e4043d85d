"use client";
import { useCallback, useMemo, useReducer, useRef, useState, type ChangeEvent, type FocusEvent } from "react";
import type { $ZodType, input, output } from "zod/v4/core";

// The forms' client side in about a kilobyte: the inputs stay uncontrolled (the browser holds what is typed),
// the very same zod schema the server action parses (lib/validation, zod/mini) checks the values before they
// are sent, and every refusal lands under its field with the first invalid field focused. The API follows the
// part of react-hook-form the forms used (register, handleSubmit, setError, setValue, reset, formState), which
// cost ~14 kB gzip on every form page.
//
// Issue 12: the schema is checked through its Standard Schema interface (`schema["~standard"].validate`), so this
// hook imports nothing of zod, and a form may pass a loader (`() => import("@/lib/validation/x").then(…)`) instead
// of the schema: zod (~18 kB gzip) is then fetched when the customer first focuses a field of the form, not with
// the page. A form that is never touched costs no validation code. Should the loader fail, the values go to the
// server action unchecked, and its answer (the same schema's messages) lands under the fields instead.

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export interface FieldError {
  message?: string;
}
export interface Registration {
  name: string;
  ref: (el: Field | null) => void;
  onChange: (e: ChangeEvent<Field>) => void;
  onBlur: (e: FocusEvent<Field>) => void;
  onFocus: () => void;
}
export type FieldErrors<V> = Partial<Record<keyof V & string, FieldError>>;

export interface SchemaFormOptions<V> {
  defaultValues?: Partial<V>;
  /** "onSubmit" (default): errors appear on submit, then update as the customer types. "onTouched": also when a field is left. */
  mode?: "onSubmit" | "onTouched";
}

type PathSegment = PropertyKey | { key: PropertyKey };
interface Issue {
  path?: readonly PathSegment[];
  message: string;
}
type StandardResult = { value: unknown; issues?: undefined } | { issues: readonly Issue[] };
interface StandardSchema {
  "~standard": { validate: (value: unknown) => StandardResult | Promise<StandardResult> };
}

function firstErrors(issues: readonly Issue[]): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const issue of issues) {
    const first = issue.path?.[0];
    const key = first === undefined ? "_form" : String(typeof first === "object" ? first.key : first);
    errors[key] ??= { message: issue.message };
  }
  return errors;
}

export function useSchemaForm<S extends $ZodType>(source: S | (() => Promise<S>), options: SchemaFormOptions<input<S>> = {}) {
  type V = input<S>;
  type Name = keyof V & string;
  const sourceRef = useRef(source);
  const schemaRef = useRef<S | null>(typeof source === "function" ? null : source);
  const loading = useRef<Promise<S | null> | null>(null);
  /** The schema, loading it first if the form passed a loader; null if it could not be loaded. */
  const load = useCallback((): S | Promise<S | null> => {
    if (schemaRef.current) return schemaRef.current;
    const loader = sourceRef.current as () => Promise<S>;
    loading.current ??= loader().then(
      (s) => (schemaRef.current = s),
      () => {
        loading.current = null; // try again on the next occasion
        return null;
      },
    );
    return loading.current;
  }, []);
  const defaults = useRef(options.defaultValues ?? {});
  const values = useRef<Record<string, unknown>>({ ...(options.defaultValues ?? {}) });
  const fields = useRef(new Map<string, Set<Field>>());
  const numeric = useRef(new Set<string>());
  const touched = useRef(new Set<string>());
  const watched = useRef(new Set<string>());
  const submitted = useRef(false);
  const registrations = useRef(new Map<string, Registration>());
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [isSubmitting, setSubmitting] = useState(false);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const write = (el: Field, v: unknown) => {
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) el.checked = el.type === "radio" ? el.value === v : Boolean(v);
    else el.value = v == null || (typeof v === "number" && Number.isNaN(v)) ? "" : typeof v === "string" ? v : JSON.stringify(v);
  };
  const read = useCallback((name: string): unknown => {
    const els = [...(fields.current.get(name) ?? [])];
    if (els.length === 0) return values.current[name];
    const first = els[0];
    if (first instanceof HTMLInputElement && first.type === "radio") return els.find((e) => (e as HTMLInputElement).checked)?.value ?? values.current[name];
    if (first instanceof HTMLInputElement && first.type === "checkbox") return first.checked;
    if (numeric.current.has(name)) return first.value === "" ? Number.NaN : Number(first.value);
    return first.value;
  }, []);

  const validate = useCallback(async (): Promise<{ data: output<S> | null; errors: Record<string, FieldError> }> => {
    for (const name of fields.current.keys()) values.current[name] = read(name);
    const values_ = { ...values.current };
    const schema = await load();
    if (!schema) return { data: values_ as output<S>, errors: {} };
    const r = await (schema as unknown as StandardSchema)["~standard"].validate(values_);
    return r.issues ? { data: null, errors: firstErrors(r.issues) } : { data: r.value as output<S>, errors: {} };
  }, [read, load]);

  /** Shows the current errors of the fields the customer has finished with (or all, after a submit). */
  const revalidate = useCallback(
    async (name: string) => {
      const { errors: all } = await validate();
      setErrors((prev) => {
        const next: Record<string, FieldError> = {};
        for (const [k, e] of Object.entries(all)) if (submitted.current || touched.current.has(k) || (k === name && prev[k])) next[k] = e;
        return next;
      });
    },
    [validate],
  );

  const focusFirst = useCallback((names: Iterable<string>) => {
    const els = [...names].flatMap((n) => [...(fields.current.get(n) ?? [])]);
    els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    els[0]?.focus();
  }, []);

  const register = useCallback(
    (name: Name, opts: { valueAsNumber?: boolean } = {}): Registration => {
      if (opts.valueAsNumber) numeric.current.add(name);
      let r = registrations.current.get(name);
      if (!r) {
        r = {
          name,
          ref: (el) => {
            if (!el) {
              // React detaches refs on unmount: forget elements no longer in the document, keep their value.
              const set = fields.current.get(name);
              for (const e of set ?? []) if (!e.isConnected) set!.delete(e);
              return;
            }
            const set = fields.current.get(name) ?? fields.current.set(name, new Set()).get(name)!;
            if (!set.has(el)) {
              set.add(el);
              write(el, values.current[name]);
            }
          },
          onChange: () => {
            values.current[name] = read(name);
            if (watched.current.has(name)) rerender();
            if (submitted.current || touched.current.has(name)) void revalidate(name);
          },
          onBlur: () => {
            if (options.mode !== "onTouched") return;
            touched.current.add(name);
            void revalidate(name);
          },
          onFocus: () => void load(),
        };
        registrations.current.set(name, r);
      }
      return r;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [read, revalidate, load],
  );

  const pendingFocus = useRef<Set<string> | null>(null);
  const setError = useCallback(
    (name: Name | "_form", error: FieldError & { type?: string }, opts: { shouldFocus?: boolean } = { shouldFocus: true }) => {
      setErrors((prev) => ({ ...prev, [name]: { message: error.message } }));
      if (opts.shouldFocus) {
        // Several setError calls in a row (one per refused field): focus the first of them in the document.
        if (!pendingFocus.current) {
          pendingFocus.current = new Set();
          queueMicrotask(() => {
            const names = pendingFocus.current!;
            pendingFocus.current = null;
            focusFirst(names);
          });
        }
        pendingFocus.current.add(name);
      }
    },
    [focusFirst],
  );

  const handleSubmit = useCallback(
    (onValid: (data: output<S>) => unknown, onInvalid?: (errors: FieldErrors<V>) => void) => async (e?: { preventDefault(): void }) => {
      e?.preventDefault();
      submitted.current = true;
      const r = await validate();
      setErrors(r.errors);
      if (!r.data) {
        focusFirst(Object.keys(r.errors));
        onInvalid?.(r.errors as FieldErrors<V>);
        return;
      }
      setSubmitting(true);
      try {
        await onValid(r.data);
      } finally {
        setSubmitting(false);
      }
    },
    [validate, focusFirst],
  );

  const setValue = useCallback((name: Name, v: unknown) => {
    values.current[name] = v;
    for (const el of fields.current.get(name) ?? []) write(el, v);
    if (watched.current.has(name)) rerender();
  }, []);

  const reset = useCallback(() => {
    values.current = { ...defaults.current };
    for (const [name, els] of fields.current) for (const el of els) write(el, values.current[name]);
    submitted.current = false;
    touched.current.clear();
    setErrors({});
    rerender();
  }, []);

  /** The current value of a field; the form re-renders when it changes (react-hook-form's useWatch). */
  const watch = useCallback(<K extends Name>(name: K): V[K] => {
    watched.current.add(name);
    return values.current[name] as V[K];
  }, []);

  const formState = useMemo(() => ({ errors: errors as FieldErrors<V>, isSubmitting }), [errors, isSubmitting]);
  return { register, handleSubmit, setError, setValue, reset, watch, formState };
}
