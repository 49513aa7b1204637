namespace Simulator.AppHost.Run.Containers;

/// <summary>A container engine command that failed, with the command and what the engine said.</summary>
public sealed class ContainerEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContainerEngineException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ContainerEngineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ContainerEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
