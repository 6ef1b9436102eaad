import { describeRenewalMatrix } from "./suites/renewal-matrix.suite.js";

describeRenewalMatrix({ scopedTokenExpiry: "own", parentRefresh: "keep-children" });
