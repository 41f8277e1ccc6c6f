namespace DaiChain.Node.Cli;

/// <summary>Process exit codes of <c>daichain</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command was well formed but failed (wrong password, missing file, missing native library).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown command or flag, missing argument).</summary>
    public const int Usage = 2;
}
