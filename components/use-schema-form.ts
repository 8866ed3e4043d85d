"use client";
import { useCallback, useRef } from "react";
import type { FieldErrors as RhfErrors, FieldValues, Resolver, UseFormRegisterReturn } from "react-hook-form";
import { useForm } from "./react-hook-form.bundle";
import type { $ZodType, input, output } from "zod/v4/core";

// The forms' client side: react-hook-form (uncontrolled inputs, errors under each field, re-validation as the
// customer types) with the very same zod schema the server action parses (lib/validation, zod/mini) as its
// resolver, and every refusal, the browser's or the server's, lands under its field with the first invalid field
// focused (issue 13.5).
//
// Issue 12 (client JS): the schema is checked through its Standard Schema interface (`schema["~standard"].validate`),
// so this module imports nothing of zod at run time, and a form may pass a loader
// (`() => import("@/lib/validation/client/….bundle").then(…)`) instead of the schema: zod and the schemas (~5–9 kB gzip, lib/validation/client/esbuild-loader.cjs) are then fetched when
// the customer first focuses a field of the form, not with the page. A form that is never touched costs no
// validation code. Should the loader fail, the values go to the server action unchecked, and its answer (the same
// schema's messages) lands under the fields instead.

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export interface FieldError {
  message?: string;
}
export type Registration = UseFormRegisterReturn & { onFocus: () => void; defaultValue?: string };
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

/** The first message per top-level field, as react-hook-form's errors ("_form" for an issue without a path). */
function firstErrors(issues: readonly Issue[]): Record<string, { type: string; message: string }> {
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of issues) {
    const first = issue.path?.[0];
    const key = first === undefined ? "_form" : String(typeof first === "object" ? first.key : first);
    errors[key] ??= { type: "schema", message: issue.message };
  }
  return errors;
}

export function useSchemaForm<S extends $ZodType>(source: S | (() => Promise<S>), options: SchemaFormOptions<input<S>> = {}) {
  type V = input<S> & FieldValues;
  type Name = keyof input<S> & string;
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

  const resolver = useCallback<Resolver<V, unknown, output<S>>>(
    async (values) => {
      const schema = await load();
      if (!schema) return { values: values as unknown as output<S>, errors: {} };
      const r = await (schema as unknown as StandardSchema)["~standard"].validate(values);
      return r.issues ? { values: {}, errors: firstErrors(r.issues) as RhfErrors<V> } : { values: r.value as output<S>, errors: {} };
    },
    [load],
  );

  const form = useForm<V, unknown, output<S>>({
    resolver,
    mode: options.mode ?? "onSubmit",
    reValidateMode: "onChange",
    defaultValues: options.defaultValues as never,
    // Focus is moved by focusFirst below, in document order, for the browser's and the server's refusals alike.
    shouldFocusError: false,
  });

  // The elements of each field, to focus the first invalid one in document order.
  const fields = useRef(new Map<string, Set<Field>>());
  const focusFirst = useCallback((names: Iterable<string>) => {
    const els = [...names].flatMap((n) => [...(fields.current.get(n) ?? [])].filter((e) => e.isConnected));
    els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    els[0]?.focus();
  }, []);

  const rhfRegister = form.register;
  const defaults = useRef(options.defaultValues).current;
  /**
   * `shown`: the field's default is written into the server's HTML too (text inputs, text areas and selects; never a
   * radio or a checkbox, whose `value` is their own, nor a hidden input, whose `defaultValue` React would put back
   * at every render), so that the customer's current data is there before the page's scripts have run, and without
   * JavaScript. react-hook-form alone fills the fields only once they run.
   */
  const register = useCallback(
    (name: Name, opts: { valueAsNumber?: boolean; shown?: boolean } = {}): Registration => {
      const r = rhfRegister(name as never, opts.valueAsNumber ? { valueAsNumber: true } : undefined);
      const initial = opts.shown ? (defaults as Record<string, unknown> | undefined)?.[name] : undefined;
      return {
        ...r,
        ...(typeof initial === "string" || typeof initial === "number" ? { defaultValue: String(initial) } : {}),
        ref: (el: Field | null) => {
          r.ref(el);
          if (el) (fields.current.get(name) ?? fields.current.set(name, new Set()).get(name)!).add(el);
        },
        onFocus: () => void load(),
      };
    },
    [rhfRegister, load, defaults],
  );

  const pendingFocus = useRef<Set<string> | null>(null);
  const rhfSetError = form.setError;
  const setError = useCallback(
    (name: Name | "_form", error: FieldError & { type?: string }, opts: { shouldFocus?: boolean } = { shouldFocus: true }) => {
      rhfSetError(name as never, { type: error.type ?? "server", message: error.message });
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
    [rhfSetError, focusFirst],
  );

  const rhfHandleSubmit = form.handleSubmit;
  const handleSubmit = useCallback(
    (onValid: (data: output<S>) => unknown, onInvalid?: (errors: FieldErrors<V>) => void) =>
      rhfHandleSubmit(onValid, (errors) => {
        focusFirst(Object.keys(errors));
        onInvalid?.(errors as FieldErrors<V>);
      }),
    [rhfHandleSubmit, focusFirst],
  );

  const rhfSetValue = form.setValue;
  const setValue = useCallback((name: Name, v: unknown) => rhfSetValue(name as never, v as never), [rhfSetValue]);
  const rhfReset = form.reset;
  const reset = useCallback(() => rhfReset(), [rhfReset]);
  /** The current value of a field; the form re-renders when it changes. Not memoised: react-hook-form's watch must run per render. */
  // watch subscribes the form component to the field: nothing may memoise it. (eslint's react-hooks/incompatible-library
  // no longer sees react-hook-form behind ./react-hook-form.bundle; were the React Compiler turned on, opt this out.)
  const watch = <K extends Name>(name: K): V[K] => form.watch(name as never) as V[K];

  const { errors, isSubmitting } = form.formState;
  // A fresh object per render: react-hook-form updates its errors object in place.
  const formState = { errors: errors as unknown as FieldErrors<V>, isSubmitting };
  return { register, handleSubmit, setError, setValue, reset, watch, formState };
}
