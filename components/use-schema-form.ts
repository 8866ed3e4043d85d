"use client";
import { useState, useSyncExternalStore } from "react";
import type { $ZodType, input, output } from "zod/v4/core";

// The forms' client side: uncontrolled inputs, errors under each field, re-validation as the customer types,
// with the very same zod schema the server action parses (lib/validation, zod/mini) as the validator, and every
// refusal, the browser's or the server's, lands under its field with the first invalid field focused (issue 13.5).
//
// Issue 12 (client JS): this is a small form controller of its own, not react-hook-form. The forms only ever used
// react-hook-form through this hook (register, handleSubmit, setError, setValue, reset, watch, errors,
// isSubmitting), and its useForm alone was 12.8 kB gzip of every form page's first load; this is ~1.5 kB. The
// behaviour is the one the forms had: "onSubmit" mode validates on submit and then as the customer types
// (react-hook-form's reValidateMode "onChange"), "onTouched" also when a field is left; re-validation updates the
// error of the field that changed only; values are the default values plus what the registered fields hold
// (a field that unmounts keeps its value); a checkbox gives a boolean, a radio group its checked value or null.
//
// The schema is checked through its Standard Schema interface (`schema["~standard"].validate`), so this module
// imports nothing of zod at run time, and a form passes a loader (`() => import("@/lib/validation/client/….bundle")`)
// instead of the schema: the validation is fetched when the customer first focuses a field of the form, not with
// the page. A form that is never touched costs no validation code. Should the loader fail, the values go to the
// server action unchecked, and its answer (the same schema's messages) lands under the fields instead.

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export interface FieldError {
  message?: string;
}
export interface Registration {
  name: string;
  ref: (el: Field | null) => void | (() => void);
  onChange: () => void;
  onBlur: () => void;
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
type Errors = Record<string, { type: string; message: string }>;

/** The first message per top-level field ("_form" for an issue without a path). */
function firstErrors(issues: readonly Issue[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const first = issue.path?.[0];
    const key = first === undefined ? "_form" : String(typeof first === "object" ? first.key : first);
    errors[key] ??= { type: "schema", message: issue.message };
  }
  return errors;
}

/** The form's state and its operations, outside React; the hook subscribes to it (useSyncExternalStore). */
function createControl(source: StandardSchema | (() => Promise<StandardSchema>), options: SchemaFormOptions<Record<string, unknown>>) {
  const mode = options.mode ?? "onSubmit";
  const defaults: Record<string, unknown> = { ...options.defaultValues };
  let values: Record<string, unknown> = { ...defaults };
  let errors: Errors = {};
  let submitting = false;
  let submitted = false;
  let version = 0;
  const touched = new Set<string>();
  const watched = new Set<string>();
  const fields = new Map<string, Set<Field>>();
  const registrations = new Map<string, Registration>();
  const numeric = new Set<string>();
  const runs = new Map<string, number>();
  const listeners = new Set<() => void>();
  const notify = () => {
    version++;
    for (const l of listeners) l();
  };

  let schema = typeof source === "function" ? null : source;
  let loading: Promise<StandardSchema | null> | null = null;
  /** The schema, loading it first if the form passed a loader; null if it could not be loaded. */
  const load = (): StandardSchema | Promise<StandardSchema | null> =>
    schema ??
    (loading ??= (source as () => Promise<StandardSchema>)().then(
      (s) => (schema = s),
      () => {
        loading = null; // try again on the next occasion
        return null;
      },
    ));
  const check = async (): Promise<StandardResult> => {
    const s = await load();
    return s ? s["~standard"].validate({ ...values }) : { value: { ...values } };
  };

  const live = (name: string) => [...(fields.get(name) ?? [])].filter((e) => e.isConnected);
  /** Copies what the field's elements hold into the values (nothing if none is on the page). */
  const read = (name: string) => {
    const els = live(name);
    const el = els[0];
    if (!el) return;
    if (el.type === "radio") values[name] = (els as HTMLInputElement[]).find((e) => e.checked)?.value ?? null;
    else if (el.type === "checkbox") values[name] = (el as HTMLInputElement).checked;
    else values[name] = numeric.has(name) ? (el.value === "" ? NaN : Number(el.value)) : el.value;
  };
  const readAll = () => {
    for (const name of fields.keys()) read(name);
  };
  /** Shows the value in an element: on registration (default values; a field that re-mounts), setValue and reset. */
  const show = (name: string, el: Field) => {
    const v = values[name];
    if (el.type === "radio" || el.type === "checkbox") (el as HTMLInputElement).checked = el.type === "radio" ? el.value === v : v === true;
    else if (typeof v === "string" || (typeof v === "number" && !Number.isNaN(v))) el.value = String(v);
  };

  const focusFirst = (names: Iterable<string>) => {
    const els = [...names].flatMap(live);
    els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    els[0]?.focus();
  };

  /** Re-validates the whole form and updates this one field's error (the others keep theirs until they change). */
  const validateField = async (name: string) => {
    const run = (runs.get(name) ?? 0) + 1;
    runs.set(name, run);
    readAll();
    if (!(await load())) return;
    const r = await check();
    if (runs.get(name) !== run) return; // a later change of the field has been validated meanwhile
    const e = r.issues ? firstErrors(r.issues)[name] : undefined;
    if (e?.message === errors[name]?.message && e?.type === errors[name]?.type) return;
    const next = { ...errors };
    if (e) next[name] = e;
    else delete next[name];
    errors = next;
    notify();
  };

  const register = (name: string, opts: { valueAsNumber?: boolean } = {}): Registration => {
    if (opts.valueAsNumber) numeric.add(name);
    let r = registrations.get(name);
    if (!r) {
      r = {
        name,
        ref: (el) => {
          if (!el) return;
          const set = fields.get(name) ?? fields.set(name, new Set()).get(name)!;
          set.add(el);
          show(name, el);
          return () => void set.delete(el);
        },
        onChange: () => {
          read(name);
          if (watched.has(name)) notify();
          if (submitted || (mode === "onTouched" && touched.has(name))) void validateField(name);
        },
        onBlur: () => {
          touched.add(name);
          if (mode === "onTouched" && !submitted) void validateField(name);
        },
        onFocus: () => void load(),
      };
      registrations.set(name, r);
    }
    return r;
  };

  let pendingFocus: Set<string> | null = null;
  const setError = (name: string, error: FieldError & { type?: string }, opts: { shouldFocus?: boolean } = { shouldFocus: true }) => {
    errors = { ...errors, [name]: { type: error.type ?? "server", message: error.message ?? "" } };
    notify();
    if (opts.shouldFocus) {
      // Several setError calls in a row (one per refused field): focus the first of them in the document.
      if (!pendingFocus) {
        pendingFocus = new Set();
        queueMicrotask(() => {
          const names = pendingFocus!;
          pendingFocus = null;
          focusFirst(names);
        });
      }
      pendingFocus.add(name);
    }
  };

  const handleSubmit = (onValid: (data: never) => unknown, onInvalid?: (errors: Errors) => void) => async (event?: { preventDefault?: () => void }) => {
    event?.preventDefault?.();
    submitting = true;
    notify();
    try {
      readAll();
      const r = await check();
      submitted = true;
      if (r.issues) {
        errors = firstErrors(r.issues);
        notify();
        focusFirst(Object.keys(errors));
        onInvalid?.(errors);
      } else {
        errors = {};
        notify();
        await onValid(r.value as never);
      }
    } finally {
      submitting = false;
      notify();
    }
  };

  const showAll = () => {
    for (const name of fields.keys()) for (const el of live(name)) show(name, el);
  };
  const setValue = (name: string, v: unknown) => {
    values[name] = v;
    for (const el of live(name)) show(name, el);
    if (watched.has(name)) notify();
  };
  const reset = () => {
    values = { ...defaults };
    errors = {};
    submitted = false;
    touched.clear();
    showAll();
    notify();
  };
  const watch = (name: string) => {
    watched.add(name);
    return values[name];
  };

  return {
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    version: () => version,
    formState: () => ({ errors, isSubmitting: submitting }),
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    watch,
  };
}

export function useSchemaForm<S extends $ZodType>(source: S | (() => Promise<S>), options: SchemaFormOptions<input<S>> = {}) {
  type V = input<S>;
  type Name = keyof V & string;
  const [control] = useState(() =>
    createControl(source as unknown as Parameters<typeof createControl>[0], options as SchemaFormOptions<Record<string, unknown>>),
  );
  useSyncExternalStore(control.subscribe, control.version, control.version);
  const { errors, isSubmitting } = control.formState();
  return {
    register: control.register as (name: Name, opts?: { valueAsNumber?: boolean }) => Registration,
    handleSubmit: control.handleSubmit as unknown as (
      onValid: (data: output<S>) => unknown,
      onInvalid?: (errors: FieldErrors<V>) => void,
    ) => (event?: { preventDefault?: () => void }) => Promise<void>,
    setError: control.setError as (name: Name | "_form", error: FieldError & { type?: string }, opts?: { shouldFocus?: boolean }) => void,
    setValue: control.setValue as <K extends Name>(name: K, v: V[K]) => void,
    reset: control.reset,
    /** The current value of a field; the form re-renders when it changes. */
    watch: control.watch as <K extends Name>(name: K) => V[K],
    formState: { errors: errors as unknown as FieldErrors<V>, isSubmitting },
  };
}
