// The GraphQL tab: GraphiQL (schema-aware completion, the schema's docs,
// history), talking to the same /graphql as the graph view. It is a
// chunk of its own, fetched from this server when the tab first opens.
import { GraphiQL } from 'graphiql';
import { endpoint } from './api';

// build.mjs names GraphiQL's stylesheet, built on its own; linked once.
declare const EDITOR_CSS: string;
if (!document.querySelector('link[data-editor]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = EDITOR_CSS;
  link.dataset.editor = '';
  document.head.append(link);
}

type Params = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null };

async function fetcher(params: Params, opts?: { headers?: Record<string, string> }) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return res.json();
}

export const defaultQuery = `# Ctrl-Space completes, Ctrl-Enter runs;
# the book on the left is the schema's documentation.
{
  entity(name: "Kim Jong Un") {
    name
    ... on Person { role country { name } }
    events {
      type
      status
      participants { name }
      assertedBy { name }
      evidence { sentence article { title published } }
    }
  }
}
`;

export default function Editor({ query, variables }: { query?: string; variables?: string }) {
  return (
    <div className="editor">
      <GraphiQL
        fetcher={fetcher as never}
        defaultQuery={defaultQuery}
        query={query}
        variables={variables}
        forcedTheme="light"
        defaultEditorToolsVisibility={!!variables}
        isHeadersEditorEnabled
      >
        <GraphiQL.Logo>geokg</GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}
