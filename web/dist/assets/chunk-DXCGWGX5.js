import{a}from"./chunk-BZKIDDKS.js";import"./chunk-FSDBN2GU.js";import"./chunk-IYWUY3VA.js";export default a();
