using System.Text;

namespace Simulator.Load.Reports;

/// <summary>Markdown pieces the rendered summaries share.</summary>
internal static class MarkdownSections
{
    /// <summary>
    /// A <c>###</c> section named <paramref name="heading"/> listing <paramref name="items"/> one bullet each; nothing at all
    /// when there are none.
    /// </summary>
    public static void AppendList(StringBuilder md, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.Append("\n### ").Append(heading).Append("\n\n");
        foreach (var item in list)
        {
            md.Append("- ").Append(item).Append('\n');
        }
    }
}
