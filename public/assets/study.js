// StudyGuide study features on every page. Replaced by the full implementation (issue 7).
(function () { "use strict"; }());
