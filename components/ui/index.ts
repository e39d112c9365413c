export { cn } from "./cn";
export { Button, buttonStyles, type ButtonProps, type ButtonVariant, type ButtonSize } from "./button";
export { Badge, type BadgeProps, type BadgeTone, type BadgeIcon } from "./badge";
export { Card, CardHeader, CardTitle, CardBody, TitledCard } from "./card";
export { Alert, type AlertProps, type AlertTone } from "./alert";
export {
  ErrorSummary,
  errorItems,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
  type FieldMessages,
} from "./error-summary";
export { Field, type FieldProps, type FieldControlProps } from "./field";
export { Input, Select, TextArea, controlStyles } from "./input";
export { CheckboxGroup } from "./checkbox-group";
export { Skeleton } from "./skeleton";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Money, type MoneyProps } from "./money";
export { Address, type AddressProps } from "./address";
export { Progress, type ProgressProps } from "./progress";
export { Spinner } from "./spinner";
export {
  DataTable,
  Row,
  RowHeader,
  Cell,
  keyColumns,
  RIGHT,
  SR_ONLY,
  type Column,
  type ColumnLook,
  type DataTableProps,
} from "./data-table";
export { FactList, type Fact } from "./fact-list";
export { Section } from "./section";
export { PageHeading } from "./page-heading";
export { ChineseName } from "./chinese-name";
export { PageNav } from "./page-nav";
export { StatusBadge } from "./status-badge";
export { ChoiceSelect, FilterField, FilterInput, FilterSelect, type FilterOption } from "./filter-fields";
