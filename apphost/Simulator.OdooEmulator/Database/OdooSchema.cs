namespace Simulator.OdooEmulator.Database;

/// <summary>
/// The subset of Odoo's schema the emulator serves, with Odoo's table and column names.
/// Every statement is idempotent; <see cref="SchemaInitializer"/> runs them under an advisory lock
/// because <c>CREATE TABLE IF NOT EXISTS</c> alone still races between two starting instances.
/// </summary>
internal static class OdooSchema
{
    /// <summary>Advisory lock key taken while creating and seeding ("OdooSch" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4F646F6F536368;

    /// <summary>Odoo names a standard sequence's PostgreSQL sequence <c>ir_sequence_%03d</c> after its id.</summary>
    public const int SaleOrderSequenceId = 1;

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS res_users (
            id serial PRIMARY KEY,
            login varchar NOT NULL UNIQUE,
            active boolean NOT NULL DEFAULT true,
            create_date timestamp without time zone,
            write_date timestamp without time zone
        );

        CREATE TABLE IF NOT EXISTS ir_sequence (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            code varchar,
            implementation varchar NOT NULL DEFAULT 'standard',
            prefix varchar,
            suffix varchar,
            padding integer NOT NULL DEFAULT 0,
            number_increment integer NOT NULL DEFAULT 1,
            active boolean NOT NULL DEFAULT true
        );

        CREATE SEQUENCE IF NOT EXISTS ir_sequence_001 INCREMENT BY 1 START WITH 1;

        CREATE TABLE IF NOT EXISTS res_partner (
            id serial PRIMARY KEY,
            name varchar,
            ref varchar,
            email varchar,
            phone varchar,
            city varchar,
            is_company boolean DEFAULT false,
            customer_rank integer DEFAULT 0,
            active boolean DEFAULT true,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS res_partner_name_index ON res_partner (name);

        CREATE TABLE IF NOT EXISTS product_product (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            default_code varchar,
            barcode varchar,
            list_price numeric DEFAULT 1.0,
            active boolean DEFAULT true,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone,
            CONSTRAINT product_product_barcode_uniq UNIQUE (barcode)
        );
        CREATE INDEX IF NOT EXISTS product_product_default_code_index ON product_product (default_code);

        CREATE TABLE IF NOT EXISTS sale_order (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            partner_id integer NOT NULL REFERENCES res_partner (id) ON DELETE RESTRICT,
            state varchar NOT NULL DEFAULT 'draft',
            date_order timestamp without time zone NOT NULL,
            amount_untaxed numeric DEFAULT 0,
            amount_total numeric DEFAULT 0,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS sale_order_partner_id_index ON sale_order (partner_id);
        CREATE INDEX IF NOT EXISTS sale_order_date_order_id_idx ON sale_order (date_order DESC, id DESC);

        CREATE TABLE IF NOT EXISTS sale_order_line (
            id serial PRIMARY KEY,
            order_id integer NOT NULL REFERENCES sale_order (id) ON DELETE CASCADE,
            sequence integer DEFAULT 10,
            name text NOT NULL,
            product_id integer NOT NULL REFERENCES product_product (id) ON DELETE RESTRICT,
            product_uom_qty numeric NOT NULL DEFAULT 1.0,
            price_unit numeric NOT NULL DEFAULT 0.0,
            price_subtotal numeric,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS sale_order_line_order_id_index ON sale_order_line (order_id);

        CREATE TABLE IF NOT EXISTS res_country (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            code varchar(2) UNIQUE
        );
        ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS country_id integer REFERENCES res_country (id) ON DELETE SET NULL;
        ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS comment text;

        CREATE TABLE IF NOT EXISTS stock_location (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            complete_name varchar UNIQUE,
            usage varchar NOT NULL,
            location_id integer REFERENCES stock_location (id) ON DELETE RESTRICT,
            warehouse_id integer,
            barcode varchar,
            active boolean DEFAULT true,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );

        CREATE TABLE IF NOT EXISTS stock_warehouse (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            code varchar(5) NOT NULL UNIQUE,
            view_location_id integer REFERENCES stock_location (id) ON DELETE RESTRICT,
            lot_stock_id integer REFERENCES stock_location (id) ON DELETE RESTRICT,
            active boolean DEFAULT true,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );

        CREATE TABLE IF NOT EXISTS stock_picking_type (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            code varchar NOT NULL,
            sequence_code varchar,
            sequence_id integer REFERENCES ir_sequence (id) ON DELETE RESTRICT,
            warehouse_id integer REFERENCES stock_warehouse (id) ON DELETE CASCADE,
            default_location_src_id integer REFERENCES stock_location (id),
            default_location_dest_id integer REFERENCES stock_location (id),
            active boolean DEFAULT true,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone,
            CONSTRAINT stock_picking_type_warehouse_code_uniq UNIQUE (warehouse_id, code)
        );

        CREATE TABLE IF NOT EXISTS stock_quant (
            id serial PRIMARY KEY,
            product_id integer NOT NULL REFERENCES product_product (id) ON DELETE RESTRICT,
            location_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            quantity numeric NOT NULL DEFAULT 0,
            reserved_quantity numeric NOT NULL DEFAULT 0,
            in_date timestamp without time zone,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone,
            CONSTRAINT stock_quant_product_location_uniq UNIQUE (product_id, location_id)
        );

        ALTER TABLE sale_order ADD COLUMN IF NOT EXISTS warehouse_id integer REFERENCES stock_warehouse (id) ON DELETE RESTRICT;

        CREATE TABLE IF NOT EXISTS stock_picking (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            origin varchar,
            partner_id integer REFERENCES res_partner (id) ON DELETE RESTRICT,
            picking_type_id integer NOT NULL REFERENCES stock_picking_type (id) ON DELETE RESTRICT,
            location_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            location_dest_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            state varchar NOT NULL DEFAULT 'draft',
            move_type varchar NOT NULL DEFAULT 'direct',
            scheduled_date timestamp without time zone,
            date_done timestamp without time zone,
            sale_id integer REFERENCES sale_order (id) ON DELETE SET NULL,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS stock_picking_sale_id_index ON stock_picking (sale_id);
        CREATE INDEX IF NOT EXISTS stock_picking_origin_index ON stock_picking (origin);

        CREATE TABLE IF NOT EXISTS stock_move (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            picking_id integer REFERENCES stock_picking (id) ON DELETE CASCADE,
            product_id integer NOT NULL REFERENCES product_product (id) ON DELETE RESTRICT,
            product_uom_qty numeric NOT NULL DEFAULT 0,
            quantity numeric NOT NULL DEFAULT 0,
            picked boolean NOT NULL DEFAULT false,
            state varchar NOT NULL DEFAULT 'draft',
            location_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            location_dest_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            sale_line_id integer REFERENCES sale_order_line (id) ON DELETE SET NULL,
            origin varchar,
            date timestamp without time zone,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS stock_move_picking_id_index ON stock_move (picking_id);

        CREATE TABLE IF NOT EXISTS stock_move_line (
            id serial PRIMARY KEY,
            move_id integer REFERENCES stock_move (id) ON DELETE CASCADE,
            picking_id integer REFERENCES stock_picking (id) ON DELETE CASCADE,
            product_id integer NOT NULL REFERENCES product_product (id) ON DELETE RESTRICT,
            location_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            location_dest_id integer NOT NULL REFERENCES stock_location (id) ON DELETE RESTRICT,
            quantity numeric NOT NULL DEFAULT 0,
            picked boolean NOT NULL DEFAULT false,
            date timestamp without time zone,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS stock_move_line_move_id_index ON stock_move_line (move_id);
        CREATE INDEX IF NOT EXISTS stock_move_line_picking_id_index ON stock_move_line (picking_id);

        CREATE TABLE IF NOT EXISTS ir_attachment (
            id serial PRIMARY KEY,
            name varchar NOT NULL,
            res_model varchar,
            res_id integer,
            type varchar NOT NULL DEFAULT 'binary',
            mimetype varchar,
            file_size integer,
            checksum varchar(40),
            store_fname varchar,
            db_datas bytea,
            create_uid integer,
            create_date timestamp without time zone,
            write_uid integer,
            write_date timestamp without time zone
        );
        CREATE INDEX IF NOT EXISTS ir_attachment_res_idx ON ir_attachment (res_model, res_id);
        """;
}
