namespace Simulator.OdooEmulator.Models.Countries;

/// <summary><c>res.country</c>: the countries the demo partners live in.</summary>
internal sealed class ResCountryModel : OdooModel
{
    private static readonly ModelDefinition Model = new("res.country", "Country", "res_country")
    {
        DefaultOrder = "name, id",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Country Name") with { Required = true },
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Stored("code", FieldType.Char, "Country Code") with { Help = "The ISO country code in two chars." },
        ],
    };

    public override ModelDefinition Definition => Model;
}
