// Reference copy of src/engine/formulas/shared.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/** Argument reading shared by the formulas that analyse a sales column. */
import { readCustomerVector } from "../input/customer-vector";
import { readNumericVector } from "../input/numeric-vector";
import { optionalVectorOf, requireSameLength, vectorOf } from "../input/range";

export function readSalesColumns(values: unknown, customers: unknown, valuesArg = "values", customersArg = "customers") {
  const valueVector = vectorOf(values, valuesArg);
  const customerVector = optionalVectorOf(customers, customersArg);
  if (customerVector) requireSameLength(customerVector, valueVector);
  return {
    valueVector,
    numbers: readNumericVector(valueVector),
    customers: customerVector ? readCustomerVector(customerVector) : null,
  };
}
