ALTER TYPE employment_type ADD VALUE 'contractor';
