import { describeRenewalMatrix } from "./suites/renewal-matrix.suite.js";

describeRenewalMatrix({ scopedTokenExpiry: "own", parentRefresh: "revoke-children" });
