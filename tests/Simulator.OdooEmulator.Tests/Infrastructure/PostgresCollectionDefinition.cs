namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>Integration tests sharing one PostgreSQL cluster (run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
