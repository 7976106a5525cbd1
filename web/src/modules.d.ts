// cytoscape-fcose ships no types; it is a Cytoscape extension.
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module '*.css';
