// Starts GraphiQL (adapted from strawberry-graphql's graphiql.html, MIT): a file rather
// than an inline script, so the page runs under `script-src 'self'`. `?q=` opens a query
// (a `query` parameter would make /graphql run it instead), and edits are kept in the URL.
(function () {
  "use strict";
  var EXAMPLE_QUERY =
    "# Factdesk GraphiQL. Ctrl-Enter runs the query; the Docs pane describes every field.\n" +
    '{ entity(name: "Tokayev") { name aliases facts { label disputed\n' +
    "    values { value text sources { outlet { name } excerpt } } } } }\n";

  var parameters = {};
  window.location.search
    .slice(1)
    .split("&")
    .forEach(function (entry) {
      var eq = entry.indexOf("=");
      if (eq >= 0) {
        parameters[decodeURIComponent(entry.slice(0, eq).replace(/\+/g, " "))] =
          decodeURIComponent(entry.slice(eq + 1).replace(/\+/g, " "));
      }
    });

  function updateURL(data) {
    Object.assign(parameters, data);
    var search = Object.keys(parameters)
      .filter(function (key) {
        return Boolean(parameters[key]);
      })
      .map(function (key) {
        return encodeURIComponent(key) + "=" + encodeURIComponent(parameters[key]);
      })
      .join("&");
    history.replaceState(null, "", "?" + search);
  }

  var fetcher = GraphiQL.createFetcher({ url: window.location.href.split("?")[0] });

  function FactdeskGraphiQL() {
    var query = React.useState(parameters.q || EXAMPLE_QUERY);
    var variables = React.useState(parameters.variables);
    var headers = React.useState(parameters.headers);
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      plugins: [GraphiQLPluginExplorer.explorerPlugin()],
      query: query[0],
      variables: variables[0],
      headers: headers[0],
      onEditQuery: function (q) {
        query[1](q);
        updateURL({ q: q });
      },
      onEditVariables: function (v) {
        variables[1](v);
        updateURL({ variables: v });
      },
      onEditHeaders: function (h) {
        headers[1](h);
      },
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(FactdeskGraphiQL)
  );
})();
