// The job list, user, project and analysis pages: the filter form and the histogram element.
import "./joblist.js";
import "./histogram.js";
