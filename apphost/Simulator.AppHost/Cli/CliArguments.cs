namespace Simulator.AppHost.Cli;

/// <summary>
/// A verb's arguments: positionals and <c>--name value</c> options. Small on purpose: the verbs have
/// few options and every mistake must come back as one clear line (exit code 2).
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CliArguments(IReadOnlyList<string> positionals) => Positionals = positionals;

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>
    /// Splits <paramref name="args"/>; names in <paramref name="flags"/> take no value, every other
    /// <c>--name</c> takes the next argument (or <c>--name=value</c>).
    /// </summary>
    public static CliArguments Parse(IReadOnlyList<string> args, params string[] flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positionals = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenFlags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (flags.Contains(name))
            {
                seenFlags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                options[name] = args[++i];
            }
            else
            {
                throw new CliUsageException($"option --{name} needs a value");
            }
        }

        var parsed = new CliArguments(positionals);
        foreach (var (key, value) in options)
        {
            parsed._options[key] = value;
        }

        parsed._flags.UnionWith(seenFlags);
        return parsed;
    }

    /// <summary>The value of <c>--name</c>, or null when absent.</summary>
    public string? Option(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    /// <summary>True when the flag <c>--name</c> was given.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        return _flags.Contains(name);
    }

    /// <summary>Fails on any option the verb did not ask for, so typos are not silently ignored.</summary>
    public void RejectUnknownOptions()
    {
        var unknown = _options.Keys.Concat(_flags).Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
