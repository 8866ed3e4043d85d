import { markup } from "@/lib/html";
import { REFUSALS, type Refusal } from "@/lib/security/request-guard";
import { documentHtml } from "./site-shell";

/**
 * What a browser is shown when proxy.ts refuses the page it asked for (lib/security/request-guard.ts): a Danish page
 * in the site's frame with a way back, instead of the JSON meant for scripts. `path`: the refused request's path and
 * query, linked as "Åbn siden igen" when it is a sound address of this site.
 */
export function refusalDocument(refusal: Refusal, { path, stylesheets }: { path: string; stylesheets: readonly string[] }): string {
  // A path such as //example.com would be another site's address in a link; /api/… is no page to go back to.
  const back = refusal === REFUSALS.badPath || !/^\/(?![/\\])/.test(path) || /^\/api(\/|\?|$)/.test(path) ? null : path;
  const heading =
    refusal === REFUSALS.badPath
      ? "Siden findes ikke"
      : refusal === REFUSALS.formBeforeScripts
        ? "Formularen blev ikke behandlet"
        : "Din forespørgsel blev afvist";
  const hint =
    refusal === REFUSALS.formBeforeScripts
      ? markup`<p>Gå tilbage med browserens tilbageknap, vent, til siden er helt indlæst, og send formularen igen. Det, du skrev, står som regel stadig i felterne, men en adgangskode skal skrives igen. Er JavaScript slået fra, skal du slå det til: formularerne virker ikke uden.</p>`
      : null;
  const link = back ? markup`<a class="button" href="${back}">Åbn siden igen</a>` : markup`<a class="button" href="/">Til forsiden</a>`;
  const body = markup`<main><h1>${heading}</h1><p role="alert">${refusal.message}</p>${hint}<p class="actions">${link}<a href="/persondatapolitik">Persondatapolitik</a></p></main>`;
  return documentHtml({ title: heading, stylesheets, body });
}
