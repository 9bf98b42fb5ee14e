CREATE TABLE alert_rule (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    site_id BIGINT NOT NULL,
    threshold DOUBLE NOT NULL,
    metric VARCHAR(30) NOT NULL,
    channels SET('email', 'sms', 'webhook') NOT NULL DEFAULT 'email',
    CONSTRAINT alert_rule_site_fk FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB;
