// react-hook-form's useForm for the forms (components/use-schema-form.ts), bundled and minified by esbuild first
// (lib/validation/client/esbuild-loader.cjs, react left to Turbopack): esbuild's minifier takes ~250 B gzip more off
// react-hook-form than Turbopack's alone, on every form page (issue 12). Types come from "react-hook-form" directly.
export { useForm } from "react-hook-form";
