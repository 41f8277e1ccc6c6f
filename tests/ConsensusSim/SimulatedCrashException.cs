namespace DaiChain.ConsensusSim;

/// <summary>Thrown by an injected fault to stop a simulated node dead at that instant, mid-operation.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
