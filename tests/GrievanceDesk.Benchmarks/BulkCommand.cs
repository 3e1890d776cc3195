using Microsoft.Data.Sqlite;

namespace GrievanceDesk.Benchmarks;

/// <summary>A prepared INSERT with reusable parameters: the fast way to put millions of rows into SQLite.</summary>
public sealed class BulkCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkCommand(SqliteConnection connection, string table, params string[] columns)
    {
        Table = table;
        Columns = columns;
        _command = connection.CreateCommand();
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    public long Rows { get; private set; }

    public void Enlist(SqliteTransaction transaction) => _command.Transaction = transaction;

    public void Insert(params object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"{Table} takes {_parameters.Length} values, got {values.Length}.");
        }

        if (Rows == 0)
        {
            _command.Prepare();
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Enum e => e.ToString(),
                var v => v,
            };
        }

        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
