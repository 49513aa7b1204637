namespace Simulator.OdooEmulator.Sessions;

/// <summary>An authenticated web session (Odoo's <c>request.session</c>), found by its <c>session_id</c> cookie.</summary>
internal sealed record WebSession(string Sid, int Uid, string Login, string Db);
