using System.Globalization;
using System.Text;

namespace Simulator.Scenarios;

/// <summary>
/// One problem in a scenario, located like a compiler error:
/// <c>scenarios/x.yaml:12:11: workloads[1].rate: the rate `20` has no unit (write a unit: 20/s)</c>.
/// </summary>
/// <param name="File">The scenario file, as given to the loader.</param>
/// <param name="Line">The line, from 1; 0 when the problem has no position (a scenario built in code, a file that cannot be read).</param>
/// <param name="Column">The column, from 1; 0 when the problem has no position.</param>
/// <param name="Field">The field path, such as <c>workloads[1].rate</c>; empty for the file as a whole.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it, or <see langword="null"/>.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message, string? Hint = null)
{
    /// <summary>The position, when the error has one.</summary>
    public SourceLocation? Location => Line > 0 ? new SourceLocation(Line, Column) : null;

    /// <summary>Renders <c>file:line:col: field: message (hint)</c>, leaving out the parts the error lacks.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $":{Line}:{Column}");
        }

        text.Append(": ");
        if (Field.Length > 0)
        {
            text.Append(Field).Append(": ");
        }

        text.Append(Message);
        if (Hint is not null)
        {
            text.Append(" (").Append(Hint).Append(')');
        }

        return text.ToString();
    }
}
