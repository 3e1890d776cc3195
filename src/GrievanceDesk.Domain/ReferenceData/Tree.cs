namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>Walks a parent map (unit, category or region tree) from a node up to its root.</summary>
public static class Tree
{
    /// <summary>The node itself followed by its ancestors. Stops on a cycle rather than looping forever.</summary>
    public static IReadOnlyList<int> Ancestry(int id, IReadOnlyDictionary<int, int?> parentOf)
    {
        var result = new List<int> { id };
        var current = id;
        while (parentOf.TryGetValue(current, out var parent) && parent is { } p && !result.Contains(p))
        {
            result.Add(p);
            current = p;
        }

        return result;
    }
}
