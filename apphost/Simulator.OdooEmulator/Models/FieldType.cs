namespace Simulator.OdooEmulator.Models;

/// <summary>The Odoo field types the emulator models.</summary>
internal enum FieldType
{
    Integer,
    Float,
    Monetary,
    Char,
    Text,
    Boolean,
    Datetime,
    Selection,
    Many2one,
    One2many,
    Binary,
}
