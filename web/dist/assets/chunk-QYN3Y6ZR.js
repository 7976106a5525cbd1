import{a}from"./chunk-FSDBN2GU.js";import"./chunk-IYWUY3VA.js";export default a();
