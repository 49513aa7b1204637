namespace Simulator.OdooEmulator.Models.Partners;

/// <summary><c>res.partner</c>: customers, with the generic ORM methods only.</summary>
internal sealed class ResPartnerModel : OdooModel
{
    private static readonly ModelDefinition Model = new("res.partner", "Contact", "res_partner")
    {
        DefaultOrder = "name, id desc",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Name"),
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Stored("ref", FieldType.Char, "Reference"),
            FieldDefinition.Stored("email", FieldType.Char, "Email"),
            FieldDefinition.Stored("phone", FieldType.Char, "Phone"),
            FieldDefinition.Stored("city", FieldType.Char, "City"),
            FieldDefinition.Many2one("country_id", "Country", "res.country"),
            FieldDefinition.Stored("comment", FieldType.Text, "Notes"),
            FieldDefinition.Stored("is_company", FieldType.Boolean, "Is a Company"),
            FieldDefinition.Stored("customer_rank", FieldType.Integer, "Customer Rank"),
            FieldDefinition.Stored("active", FieldType.Boolean, "Active"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;
}
