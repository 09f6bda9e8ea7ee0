// The manifest's function file. The ribbon button only opens the pane, so there are no commands yet;
// Office still loads this page and expects Office.onReady to be called.
if (typeof Office !== "undefined") void Office.onReady();
