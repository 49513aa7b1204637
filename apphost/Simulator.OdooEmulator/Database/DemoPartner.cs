namespace Simulator.OdooEmulator.Database;

/// <summary>One seeded <c>res.partner</c> row.</summary>
internal sealed record DemoPartner(int Id, string Name, string Ref, string Email, string City, bool IsCompany, int CountryId);
