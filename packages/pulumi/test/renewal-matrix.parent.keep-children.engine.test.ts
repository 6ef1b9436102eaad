import { describeRenewalMatrix } from "./suites/renewal-matrix.suite.js";

describeRenewalMatrix({ scopedTokenExpiry: "parent", parentRefresh: "keep-children" });
