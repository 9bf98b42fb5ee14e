ALTER TABLE payslip ADD CONSTRAINT payslip_tax_check CHECK (tax_cents >= 0);
