/** Argument reading shared by the formulas that analyse a sales column. */
import { readCustomerVector } from "../input/customer-vector";
import { readNumericVector } from "../input/numeric-vector";
import { optionalVectorOf, requireSameLength, vectorOf } from "../input/range";

/**
 * customersRequired: the customers argument is not optional (KA.PARETO), so a one-cell range
 * holding a blank ([[null]]) is a blank customer, not an omitted argument.
 */
export function readSalesColumns(
  values: unknown,
  customers: unknown,
  valuesArg = "values",
  customersArg = "customers",
  customersRequired = false,
) {
  const valueVector = vectorOf(values, valuesArg);
  const customerVector = customersRequired ? vectorOf(customers, customersArg) : optionalVectorOf(customers, customersArg);
  if (customerVector) requireSameLength(customerVector, valueVector);
  return {
    valueVector,
    numbers: readNumericVector(valueVector),
    customers: customerVector ? readCustomerVector(customerVector) : null,
  };
}
