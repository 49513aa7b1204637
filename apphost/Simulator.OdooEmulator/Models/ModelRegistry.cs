using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>The models the emulator serves, by name (Odoo's registry).</summary>
internal sealed class ModelRegistry
{
    private readonly Dictionary<string, OdooModel> _models;

    public ModelRegistry(IEnumerable<OdooModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = models.ToDictionary(model => model.Definition.Name, StringComparer.Ordinal);
    }

    /// <summary>Every served model.</summary>
    public IEnumerable<OdooModel> Models => _models.Values;

    /// <summary>The model called <paramref name="name"/>, or null.</summary>
    public OdooModel? Find(string name) => _models.GetValueOrDefault(name);

    /// <summary>The model called <paramref name="name"/>; Python's KeyError when unknown.</summary>
    public OdooModel Get(string name) => Find(name) ?? throw OdooException.KeyError(name);

    /// <summary>The model stored in <paramref name="table"/>, or null.</summary>
    public ModelDefinition? FindByTable(string? table) =>
        _models.Values.Select(model => model.Definition).FirstOrDefault(definition => definition.Table == table);
}
