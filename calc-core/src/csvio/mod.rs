//! CSV reading and writing: factor sets, catalogue data and (for analysts) scenario files.
//!
//! One layer serves every CSV the product reads: [`Table::read`] decodes the bytes
//! (UTF-8 with or without BOM, else Windows-1252), detects `;` or `,` as separator
//! (a `;` file uses decimal comma, as Excel in Swedish locale writes it), and collects
//! every problem as a [`CsvError`] with line, column and the offending text. Line numbers
//! are physical lines (LF, CRLF or CR, quoted line breaks counted), from one place: the
//! readers' line index (`position.rs`). Every writer guards its text cells against CSV
//! injection and every reader removes the guard again, in one place: [`guard_cell`] /
//! [`unescape_cell`].
//! Nothing here touches the file system: callers hand in bytes.

mod catalogue;
mod columns;
mod dialect;
mod error;
mod number;
mod position;
mod quotes;
mod results;
mod safe;
mod scenario;
mod table;
mod targets;

/// Number formatting and the interface language live in [`crate::format`]; re-exported here
/// because every reader's messages and every writer use them.
pub use crate::format::{NumberStyle, format_fixed, format_number, format_styled};
pub use catalogue::{
    OwnField, OwnMunicipalityInput, own_municipality, parse_date, read_areas, read_factor_set_list,
    read_factor_table, read_factor_table_priced, read_fractions, read_local_baselines,
    read_measure_units, read_measures, read_measures_with_pools, read_municipalities,
    read_org_units, read_own_municipalities, read_pools, read_price_index, read_scb_municipalities,
    read_sources, write_factor_table,
};
pub use dialect::{Dialect, Encoding, decode, encode, encode_part, windows_1252_byte};
pub use error::{
    CsvError, CsvErrorKind, IdKind, Lang, MAX_SHOWN_CHARS, MAX_SUGGEST_CHARS, MAX_SUGGEST_IDS,
    shown, suggest,
};
pub use number::{format_decimal, parse_decimal, parse_year};
pub use position::line_breaks;
pub use results::{
    MEASURE_NAME_HEADER, RESULT_HEADERS, results_csv_header, results_csv_rows, write_results_csv,
    write_results_csv_all, write_results_csv_named,
};
pub use safe::{guard_cell, guard_cell_unless_number, unescape_cell};
pub use scenario::{
    AssumedColumn, ScenarioContext, ScenarioImport, read_scenarios, read_scenarios_keep_valid,
    write_scenario_csv, write_scenarios_csv,
};
pub use table::{Row, Table, normalize_header};
pub use targets::{
    read_actuals, read_own_figures, read_targets, write_actuals, write_own_figures, write_targets,
};
