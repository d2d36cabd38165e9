// Clusterdeck's browser code: Bootstrap's behaviours and the plot elements the pages use.
import "bootstrap/dist/js/bootstrap.bundle.js";
import "./copy.js";
import "./plots.js";
import "./joblist.js";
import "./histogram.js";
