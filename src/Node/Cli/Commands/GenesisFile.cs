using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;

namespace DaiChain.Node.Cli.Commands;

/// <summary>Reading and rewriting a genesis file for the <c>genesis</c> commands.</summary>
internal static class GenesisFile
{
    /// <summary>The problem a genesis under construction may still have: it is fixed by adding a validator.</summary>
    private const string NoValidatorsYet = "validators is empty";

    /// <summary>Reads a genesis that is well formed but possibly not yet valid.</summary>
    public static GenesisDocument ReadForEdit(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"{path} does not exist; create it with 'daichain genesis new'");
        }

        var parsed = GenesisJson.ParseUnvalidated(File.ReadAllText(path));
        return parsed.Document ?? throw new CommandException(Describe(path, parsed.Problems));
    }

    /// <summary>
    /// Writes <paramref name="genesis"/> if it breaks no rule other than having no validator yet; otherwise
    /// leaves the file as it was and reports every problem.
    /// </summary>
    public static void WriteEdited(string path, GenesisDocument genesis, ChainRules rules)
    {
        var problems = GenesisValidation.FindProblems(genesis, rules).Where(p => !p.StartsWith(NoValidatorsYet, StringComparison.Ordinal)).ToList();
        if (problems.Count > 0)
        {
            throw new CommandException(Describe(path, problems) + "\nthe file was not changed");
        }

        Write(path, genesis);
    }

    public static void Write(string path, GenesisDocument genesis)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, GenesisJson.Write(genesis));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Describe(string path, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{path}: {problems[0]}"
            : $"{path} has {problems.Count} problems:\n  - {string.Join("\n  - ", problems)}";
}
